package org.collaborative.app.kernel;

/**
 * A command was refused because it would break a business rule. The message is written for the person who sent it
 * (GOV.UK style: what to do, in plain English); subclasses name the rule.
 */
public class RuleBrokenException extends RuntimeException {

    public RuleBrokenException(String message) {
        super(message);
    }
}
