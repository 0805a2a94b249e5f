package org.collaborative.app.kernel;

import java.time.ZoneId;

/** London's time zone: every date and time people see or give is in it (GMT in winter, BST in summer). */
public final class London {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private London() {}
}
