package org.collaborative.app.spread;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.collaborative.app.kernel.London;
import org.collaborative.views.spread.PracticeSpread;
import org.collaborative.views.spread.PracticeSpread.Outcome;

/**
 * The savings ledger: savings reported for practices, totalled by practice, theme and borough, as they stood on a day.
 *
 * <p>Cashable savings (money freed) and non-cashable ("notional") savings are never added together: each is an
 * {@link Amounts} of its own, and nothing here sums one into the other. Within each, verified savings and savings
 * only claimed are kept apart (a claim counts as verified from the day the council's finance officer verified it), and
 * so are recurring savings (pounds a year) and one-off savings. An outcome counts from the day it was reported, in
 * London time (docs/adr/0019).
 */
public final class SavingsLedger {

    public static final String CASHABLE = "CASHABLE_SAVING";
    public static final String NON_CASHABLE = "NON_CASHABLE_SAVING";
    public static final String QUALITY = "QUALITY_MEASURE";

    /** Amounts of one kind of saving, in pence: recurring (a year) and one-off, each verified or only claimed. */
    public record Amounts(long recurringVerified, long recurringClaimed, long oneOffVerified, long oneOffClaimed) {

        public static final Amounts NONE = new Amounts(0, 0, 0, 0);

        Amounts plus(Amounts other) {
            return new Amounts(
                    recurringVerified + other.recurringVerified,
                    recurringClaimed + other.recurringClaimed,
                    oneOffVerified + other.oneOffVerified,
                    oneOffClaimed + other.oneOffClaimed);
        }

        static Amounts of(long pence, boolean recurring, boolean verified) {
            return new Amounts(
                    recurring && verified ? pence : 0,
                    recurring && !verified ? pence : 0,
                    !recurring && verified ? pence : 0,
                    !recurring && !verified ? pence : 0);
        }

        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * Totals for one row of the ledger: cashable and non-cashable apart, and how many quality measures were reported.
     */
    public record Totals(Amounts cashable, Amounts nonCashable, int qualityMeasures, int verifiedOutcomes) {

        public static final Totals NONE = new Totals(Amounts.NONE, Amounts.NONE, 0, 0);

        Totals plus(Totals other) {
            return new Totals(
                    cashable.plus(other.cashable),
                    nonCashable.plus(other.nonCashable),
                    qualityMeasures + other.qualityMeasures,
                    verifiedOutcomes + other.verifiedOutcomes);
        }
    }

    /** A row of the ledger: what it totals (a practice, a theme or a borough, by id) and its totals. */
    public record Row(String key, Totals totals) {}

    private final LocalDate asOf;
    private final List<Entry> entries;

    /** One outcome with the practice it belongs to, as it stood on the day. */
    private record Entry(PracticeSpread practice, Outcome outcome, boolean verified) {}

    private SavingsLedger(LocalDate asOf, List<Entry> entries) {
        this.asOf = asOf;
        this.entries = entries;
    }

    /** The ledger of these practices at the end of {@code asOf}. */
    public static SavingsLedger of(Collection<PracticeSpread> practices, LocalDate asOf) {
        List<Entry> entries = practices.stream()
                .flatMap(p -> p.outcomes().stream()
                        .filter(o -> reportedBy(o, asOf))
                        .map(o -> new Entry(p, o, verifiedBy(o, asOf))))
                .toList();
        return new SavingsLedger(asOf, entries);
    }

    static boolean reportedBy(Outcome outcome, LocalDate day) {
        return outcome.reportedAt() != null
                && !outcome.reportedAt().atZone(London.ZONE).toLocalDate().isAfter(day);
    }

    /** Verified on or before the day; otherwise, on that day, it was only claimed. */
    public static boolean verifiedBy(Outcome outcome, LocalDate day) {
        return outcome.verifiedOn() != null && !outcome.verifiedOn().isAfter(day);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** One outcome's contribution. */
    static Totals totalsOf(Outcome outcome, boolean verified) {
        long pence = outcome.amountPence() == null ? 0 : outcome.amountPence();
        boolean recurring = "RECURRING".equals(outcome.recurrence());
        int verifiedCount = verified ? 1 : 0;
        return switch (outcome.kind()) {
            case CASHABLE -> new Totals(Amounts.of(pence, recurring, verified), Amounts.NONE, 0, verifiedCount);
            case NON_CASHABLE -> new Totals(Amounts.NONE, Amounts.of(pence, recurring, verified), 0, verifiedCount);
            case QUALITY -> new Totals(Amounts.NONE, Amounts.NONE, 1, verifiedCount);
            default -> throw new IllegalArgumentException("Unknown kind of outcome: " + outcome.kind());
        };
    }

    public Totals total() {
        return entries.stream().map(e -> totalsOf(e.outcome(), e.verified())).reduce(Totals.NONE, Totals::plus);
    }

    public List<Row> byPractice() {
        return rows(e -> e.practice().id());
    }

    public List<Row> byTheme() {
        return rows(e -> e.practice().themeId() == null ? "" : e.practice().themeId());
    }

    /** By the organisation that reported the saving (for a borough, its ONS code). */
    public List<Row> byOrganisation() {
        return rows(e -> e.outcome().organisationId());
    }

    private List<Row> rows(Function<Entry, String> key) {
        Map<String, Totals> totals = new TreeMap<>();
        for (Entry entry : entries) {
            totals.merge(key.apply(entry), totalsOf(entry.outcome(), entry.verified()), Totals::plus);
        }
        return totals.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()))
                .toList();
    }

    /** Every outcome counted, with whether it stood verified on the day, for the CSV export. */
    public List<Map.Entry<PracticeSpread, Outcome>> outcomes() {
        return entries.stream().map(e -> Map.entry(e.practice(), e.outcome())).toList();
    }

    public boolean verified(Outcome outcome) {
        return verifiedBy(outcome, asOf);
    }
}
