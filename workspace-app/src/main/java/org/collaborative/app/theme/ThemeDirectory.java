package org.collaborative.app.theme;

/** Which themes exist, for checks on the command side. */
public interface ThemeDirectory {

    boolean exists(String themeId);

    /** Whether the theme has been archived (and so takes no new groups). */
    boolean isArchived(String themeId);
}
