package org.collaborative.events.practice;

/** Whether a saving recurs every year of its period or happens once. */
public enum SavingRecurrence {
    RECURRING,
    ONE_OFF
}
