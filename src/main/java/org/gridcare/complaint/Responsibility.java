package org.gridcare.complaint;

/** 责任认定: 有责 (the complaint is substantiated against a unit and possibly staff) / 无责. */
public enum Responsibility { SUBSTANTIATED, NOT_SUBSTANTIATED }
