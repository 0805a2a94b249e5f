package org.collaborative.app.personaldata;

/**
 * A member's personal data: what events carry only sealed ({@link PersonalDataVault}). Its {@code toString} names no
 * value, so that it cannot reach a log by accident.
 *
 * @param email null when the details sealed are a profile change (the address does not change there)
 */
public record PersonalDetails(String displayName, String email, String jobTitle) {

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
