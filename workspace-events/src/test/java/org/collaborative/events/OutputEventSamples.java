package org.collaborative.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.collaborative.events.practice.AdoptionStage;
import org.collaborative.events.retreat.ActionAgreed;
import org.collaborative.events.retreat.CheckInDue;
import org.collaborative.events.retreat.CommitmentProgress;
import org.collaborative.events.retreat.PledgeFulfilledByAdoption;
import org.collaborative.events.retreat.PledgeMade;
import org.collaborative.events.retreat.ProgressRecorded;

/** One sample of each event of a retreat's outputs: actions, pledges and their check-ins. */
final class OutputEventSamples {

    private static final Instant AT = Instant.parse("2026-11-26T09:30:00.123Z");
    private static final String M = "5f0c1f7e-0000-4000-8000-000000000001";
    private static final String G = "5f0c1f7e-0000-4000-8000-000000000002";
    private static final String A = "5f0c1f7e-0000-4000-8000-000000000005";
    private static final String P = "5f0c1f7e-0000-4000-8000-000000000007";

    static final List<Object> ALL = List.of(
            new ActionAgreed(
                    "r1",
                    "a1",
                    "s1",
                    "c1",
                    null,
                    "Draft a joint e-auction specification",
                    M,
                    "E09000012",
                    LocalDate.of(2027, 3, 31),
                    G,
                    P,
                    LocalDate.of(2026, 11, 6),
                    A,
                    AT),
            new PledgeMade(
                    "r1",
                    "pl1",
                    "s1",
                    null,
                    "k1",
                    "Hackney will pilot the e-auction by March",
                    "E09000012",
                    M,
                    LocalDate.of(2027, 3, 31),
                    G,
                    null,
                    LocalDate.of(2026, 11, 6),
                    AT),
            new CheckInDue("r1", "a1", 30, AT),
            new ProgressRecorded("r1", "pl1", CommitmentProgress.DROPPED, "No budget this year.", M, AT),
            new PledgeFulfilledByAdoption(
                    "r1",
                    "pl1",
                    "5f0c1f7e-0000-4000-8000-000000000009",
                    "E09000012",
                    AdoptionStage.PILOTING,
                    LocalDate.of(2026, 11, 20),
                    M,
                    AT));

    private OutputEventSamples() {}
}
