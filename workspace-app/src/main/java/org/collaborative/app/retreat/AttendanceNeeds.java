package org.collaborative.app.retreat;

/**
 * A participant's access and dietary needs: personal data, carried in events only sealed with the member's own key
 * (ADR 11) and shown only on the organiser's list. Its {@code toString} names no value, so it cannot reach a log.
 */
public record AttendanceNeeds(String access, String dietary) {

    public static final int MAX = 500;

    public boolean isEmpty() {
        return (access == null || access.isBlank()) && (dietary == null || dietary.isBlank());
    }

    @Override
    public String toString() {
        return "AttendanceNeeds[redacted]";
    }
}
