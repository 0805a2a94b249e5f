package org.collaborative.app.architecture.cycle.b;

import org.collaborative.app.architecture.cycle.a.Upstream;

/** The other half of the deliberate cycle: it depends back on the package that depends on it. */
public class Downstream {

    public Upstream back() {
        return new Upstream();
    }
}
