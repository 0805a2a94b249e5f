package org.collaborative.app.member;

import java.util.Locale;
import org.collaborative.events.member.MemberRole;

/** Roles as pages name them: "Chief executive", "Service leader". */
public final class Roles {

    private Roles() {}

    public static String label(MemberRole role) {
        String words = role.name().replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
