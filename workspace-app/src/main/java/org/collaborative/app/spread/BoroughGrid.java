package org.collaborative.app.spread;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The London tile map: each of the 33 local authorities on one equal-size tile (row, column), from
 * {@code reference/london-boroughs.csv} (the ONS codes are the organisations' ids). Two boroughs are neighbours when
 * their tiles touch, across, up, down or diagonally (the 8-neighbourhood, as the weekly digest already reads it;
 * docs/adr/0019). Statistical peers are the boroughs of the same ONS inner/outer London grouping.
 */
public final class BoroughGrid {

    public static final String RESOURCE = "/reference/london-boroughs.csv";

    /** One borough's tile. {@code zone} is "inner" or "outer". */
    public record Tile(String organisationId, String name, int row, int column, String zone) {

        boolean touches(Tile other) {
            return !organisationId.equals(other.organisationId)
                    && Math.abs(row - other.row) <= 1
                    && Math.abs(column - other.column) <= 1;
        }
    }

    private final Map<String, Tile> tiles;

    public BoroughGrid(List<Tile> tiles) {
        this.tiles = tiles.stream()
                .sorted(Comparator.comparingInt(Tile::row).thenComparingInt(Tile::column))
                .collect(Collectors.toMap(Tile::organisationId, t -> t, (a, b) -> a, LinkedHashMap::new));
    }

    /** The grid shipped with the product. */
    public static BoroughGrid london() {
        try (InputStream in = BoroughGrid.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The borough grid " + RESOURCE + " is missing from the build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("The borough grid could not be read", e);
        }
    }

    static BoroughGrid parse(InputStream in) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new BoroughGrid(reader.lines()
                    .skip(1)
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.split(",", -1))
                    .map(f -> new Tile(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]))
                    .toList());
        }
    }

    /** Every tile, row by row. */
    public List<Tile> tiles() {
        return List.copyOf(tiles.values());
    }

    public Optional<Tile> tile(String organisationId) {
        return Optional.ofNullable(organisationId == null ? null : tiles.get(organisationId));
    }

    public boolean isBorough(String organisationId) {
        return tile(organisationId).isPresent();
    }

    public int rows() {
        return tiles.values().stream().mapToInt(Tile::row).max().orElse(0);
    }

    public int columns() {
        return tiles.values().stream().mapToInt(Tile::column).max().orElse(0);
    }

    /** The boroughs whose tiles touch this one's (8-neighbourhood), by id; none for an organisation off the map. */
    public Set<String> neighbours(String organisationId) {
        return tile(organisationId)
                .map(own -> tiles.values().stream()
                        .filter(own::touches)
                        .map(Tile::organisationId)
                        .collect(Collectors.toCollection(TreeSet::new)))
                .orElseGet(TreeSet::new);
    }

    /** The other boroughs of the same ONS inner/outer London grouping. */
    public Set<String> statisticalPeers(String organisationId) {
        return tile(organisationId)
                .map(own -> tiles.values().stream()
                        .filter(t -> !t.organisationId().equals(own.organisationId()))
                        .filter(t -> t.zone().equals(own.zone()))
                        .map(Tile::organisationId)
                        .collect(Collectors.toCollection(TreeSet::new)))
                .orElseGet(TreeSet::new);
    }
}
