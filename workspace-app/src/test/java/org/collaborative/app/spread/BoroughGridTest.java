package org.collaborative.app.spread;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoroughGridTest {

    private final BoroughGrid grid = BoroughGrid.london();

    private static final String CAMDEN = "E09000007";
    private static final String ISLINGTON = "E09000019";
    private static final String HAVERING = "E09000016";

    @Test
    void holdsTheThirtyThreeLondonAuthorities() {
        assertThat(grid.tiles()).hasSize(33);
        assertThat(grid.rows()).isEqualTo(7);
        assertThat(grid.columns()).isEqualTo(8);
    }

    @Test
    void neighboursAreTheTouchingTilesDiagonalsIncluded() {
        // Camden (3,4): Barnet (2,4), Harrow (2,3), Haringey (2,5), Brent (3,3), Islington (3,5),
        // Kensington and Chelsea (4,3), Westminster (4,4), City of London (4,5).
        assertThat(grid.neighbours(CAMDEN))
                .containsExactlyInAnyOrder(
                        "E09000003",
                        "E09000015",
                        "E09000014",
                        "E09000005",
                        ISLINGTON,
                        "E09000020",
                        "E09000033",
                        "E09000001");
        assertThat(grid.neighbours(CAMDEN)).doesNotContain(CAMDEN);
    }

    @Test
    void neighbourhoodIsSymmetric() {
        for (BoroughGrid.Tile tile : grid.tiles()) {
            for (String other : grid.neighbours(tile.organisationId())) {
                assertThat(grid.neighbours(other)).contains(tile.organisationId());
            }
        }
    }

    @Test
    void anEdgeTileHasFewerNeighbours() {
        // Havering (3,8): Redbridge (3,7), Newham (4,7), Barking and Dagenham (4,8).
        assertThat(grid.neighbours(HAVERING)).containsExactlyInAnyOrder("E09000026", "E09000025", "E09000002");
    }

    @Test
    void statisticalPeersShareTheInnerOrOuterGrouping() {
        assertThat(grid.statisticalPeers(CAMDEN))
                .hasSize(13)
                .contains(ISLINGTON)
                .doesNotContain(CAMDEN, HAVERING);
        assertThat(grid.statisticalPeers(HAVERING)).hasSize(18);
    }

    @Test
    void anOrganisationOffTheMapHasNoNeighboursOrPeers() {
        assertThat(grid.neighbours("gla")).isEmpty();
        assertThat(grid.statisticalPeers("gla")).isEmpty();
    }
}
