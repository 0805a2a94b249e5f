package org.collaborative.app.theme;

/** Which themes exist, for checks on the command side. */
public interface ThemeDirectory {

    boolean exists(String themeId);
}
