package org.collaborative.app.spread;

import java.util.List;
import java.util.Set;

/**
 * The geometry of the London tile map's SVG: one tile per borough at its grid place, each with its stage's pattern,
 * a short name and the stage's two-letter code (so the map never speaks by colour alone), and its full name and stage
 * in the tile's title. The reader's own council and its neighbours are outlined.
 */
public record TileMap(int width, int height, List<Placed> tiles) {

    static final int TILE_WIDTH = 80;
    static final int TILE_HEIGHT = 60;
    static final int GAP = 4;

    /**
     * One borough's tile.
     *
     * @param stage its stage on the day, or null for no record
     * @param role "own" for the reader's council, "neighbour" for a touching tile, otherwise "other"
     */
    public record Placed(
            String organisationId, String name, String shortName, double x, double y, String stage, String role) {

        public String stageLabel() {
            return Stages.label(stage);
        }

        public String stageCode() {
            return stage == null ? "–" : Stages.code(stage);
        }

        public String css() {
            return Stages.css(stage);
        }
    }

    public static TileMap of(BoroughGrid grid, SpreadFigures figures, String council) {
        Set<String> neighbours = grid.neighbours(council);
        List<Placed> tiles = grid.tiles().stream()
                .map(t -> new Placed(
                        t.organisationId(),
                        t.name(),
                        shortName(t.name()),
                        (t.column() - 1) * (TILE_WIDTH + GAP),
                        (t.row() - 1) * (TILE_HEIGHT + GAP),
                        figures.stageOf(t.organisationId()),
                        t.organisationId().equals(council)
                                ? "own"
                                : neighbours.contains(t.organisationId()) ? "neighbour" : "other"))
                .toList();
        return new TileMap(grid.columns() * (TILE_WIDTH + GAP) - GAP, grid.rows() * (TILE_HEIGHT + GAP) - GAP, tiles);
    }

    /** A name that fits a tile: "Barking and Dagenham" → "Bark & Dag", "Kingston upon Thames" → "Kingston". */
    static String shortName(String name) {
        if (name.equals("City of London")) {
            return "City";
        }
        if (name.contains(" upon ")) {
            return name.substring(0, name.indexOf(' '));
        }
        if (name.contains(" and ")) {
            String[] parts = name.split(" and ");
            return cut(parts[0], 4) + " & " + cut(parts[1], 4);
        }
        if (name.contains(" ")) {
            String[] parts = name.split(" ");
            return cut(parts[0], 7) + " " + parts[1].charAt(0) + ".";
        }
        return cut(name, 10);
    }

    private static String cut(String word, int length) {
        return word.length() <= length ? word : word.substring(0, length);
    }
}
