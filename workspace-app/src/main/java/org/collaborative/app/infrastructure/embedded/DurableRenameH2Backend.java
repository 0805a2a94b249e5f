package org.collaborative.app.infrastructure.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with a {@code renameCollection} that survives a restart.
 *
 * <p>The library's {@code H2Database.moveCollection} (1.47.0) renames the collection in memory first and only then
 * looks up its MVStore maps, by the name it already has: it finds (and creates) empty maps under the new name and
 * renames them onto themselves. Until the server stops, the renamed collection keeps serving from its old maps; at the
 * next start the namespace points at the empty maps, and the documents stay behind under the old name, where nothing
 * reads them. The same happens to the collection's index maps. Rebuilding a view swaps a fresh collection in by
 * renaming it (see docs/adr/0015-durable-view-swap.md), so on the stand-in every rebuilt view came back empty.
 *
 * <p>This moves the maps that hold the documents, the collection's size and its indexes to the new name once the
 * library has done its part. It does nothing when the old maps are already gone, so a library that renames them
 * properly is left to it.
 */
final class DurableRenameH2Backend extends H2Backend {

    /** How the H2 backend names a collection's maps: {@code databases.<db>.<collection>}, {@code meta.<db>.<...>}. */
    private static final List<String> COLLECTION_MAP_PREFIXES = List.of("databases.", "meta.");

    private static final String INDEX_INFIX = "._index_";

    private final boolean durable;

    private final UnindexedQueries unindexed = new UnindexedQueries();

    DurableRenameH2Backend(String fileName) {
        this(fileName, true);
    }

    /** @param durable whether each commit is also forced to disk (tests may switch it off for speed) */
    DurableRenameH2Backend(String fileName, boolean durable) {
        super(fileName);
        this.durable = durable;
    }

    /**
     * Commits the MVStore after every command that changed it (MVStore otherwise writes in the background about once
     * a second), and when durable forces the file to disk too: the projections commit their Kafka offsets once a write
     * is acknowledged, so a write still in memory when the JVM died would be a gap in a view for good.
     */
    @Override
    public de.bwaldvogel.mongo.bson.Document handleCommand(
            io.netty.channel.Channel channel,
            String databaseName,
            String command,
            de.bwaldvogel.mongo.bson.Document query) {
        unindexed.check(channel, command, query);
        de.bwaldvogel.mongo.bson.Document answer = super.handleCommand(channel, databaseName, command, query);
        if (getMvStore().hasUnsavedChanges()) {
            getMvStore().commit();
            if (durable) {
                getMvStore().sync();
            }
        }
        return answer;
    }

    /** The queries no declared index would serve on a real MongoDB. */
    UnindexedQueries unindexedQueries() {
        return unindexed;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new DurableRenameH2Database(databaseName, getMvStore(), this);
    }

    private static final class DurableRenameH2Database extends H2Database {

        private final MVStore store;

        DurableRenameH2Database(String databaseName, MVStore store, DurableRenameH2Backend backend) {
            super(databaseName, store, backend.getCursorRegistry());
            this.store = store;
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            String from = collection.getFullName();
            String to = getFullCollectionNamespace(newCollectionName);
            List<String> indexMaps = store.getMapNames().stream()
                    .filter(name -> name.startsWith(from + INDEX_INFIX))
                    .toList();
            super.moveCollection(oldDatabase, collection, newCollectionName);
            for (String prefix : COLLECTION_MAP_PREFIXES) {
                move(prefix + from, prefix + to);
            }
            for (String index : indexMaps) {
                move(index, to + index.substring(from.length()));
            }
        }

        /** Gives the map its new name, in place of whatever (empty or dropped) map was left under that name. */
        private void move(String from, String to) {
            if (!store.hasMap(from) || from.equals(to)) {
                return;
            }
            if (store.hasMap(to)) {
                store.removeMap(to);
            }
            store.renameMap(store.openMap(from), to);
        }
    }
}
