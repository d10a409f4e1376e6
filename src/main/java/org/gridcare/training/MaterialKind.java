package org.gridcare.training;

/** A course material: an uploaded file, a link to a standard by its code, or a knowledge article by URL. */
public enum MaterialKind {
    FILE, STANDARD, ARTICLE
}
