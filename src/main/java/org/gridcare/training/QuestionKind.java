package org.gridcare.training;

/** The kinds of exam question: one correct option, several, or true/false (two options, one correct). */
public enum QuestionKind {
    /** 单选题 */ SINGLE,
    /** 多选题 */ MULTIPLE,
    /** 判断题 */ TRUE_FALSE
}
