package org.collaborative.app.architecture.cycle.a;

import org.collaborative.app.architecture.cycle.b.Downstream;

/** Half of a deliberate cycle between two packages, for {@code ArchitectureTest} to show that its rule finds one. */
public class Upstream {

    public Downstream next() {
        return new Downstream();
    }
}
