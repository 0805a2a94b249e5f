package org.collaborative.app.infrastructure.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MongoDB stand-in keeps what it was given across a restart, renamed collections included. */
class EmbeddedMongoServerTest {

    @TempDir
    Path data;

    private final int port = freePort();

    @Test
    void aCollectionRenamedOverAnotherIsWhatTheNextStartReads() throws IOException {
        withServer(views -> {
            views.getCollection("search-index").insertOne(new Document("_id", "old").append("title", "Stale"));
            views.getCollection("search-index").createIndex(Indexes.ascending("title"));
            views.getCollection("search-index.rebuild-1")
                    .insertMany(List.of(
                            new Document("_id", "a").append("title", "Parking"),
                            new Document("_id", "b").append("title", "Libraries"),
                            new Document("_id", "c").append("title", "Housing")));
            views.getCollection("search-index.rebuild-1").createIndex(Indexes.ascending("title"));

            views.getCollection("search-index.rebuild-1")
                    .renameCollection(
                            new MongoNamespace("collaborative", "search-index"),
                            new RenameCollectionOptions().dropTarget(true));

            assertThat(ids(views, "search-index")).containsExactly("a", "b", "c");
        });

        withServer(views -> {
            assertThat(views.listCollectionNames().into(new ArrayList<>()))
                    .contains("search-index")
                    .doesNotContain("search-index.rebuild-1");
            assertThat(ids(views, "search-index")).containsExactly("a", "b", "c");
            assertThat(views.getCollection("search-index")
                            .find(Filters.eq("_id", "b"))
                            .first())
                    .isEqualTo(new Document("_id", "b").append("title", "Libraries"));
            assertThat(views.getCollection("search-index")
                            .find(Filters.eq("title", "Housing"))
                            .first())
                    .containsEntry("_id", "c");
            assertThatThrownBy(() -> views.getCollection("search-index").insertOne(new Document("_id", "a")))
                    .as("the unique _id index came across with the documents")
                    .isInstanceOf(MongoWriteException.class);
            views.getCollection("search-index").insertOne(new Document("_id", "d").append("title", "Roads"));
        });

        withServer(views -> assertThat(ids(views, "search-index")).containsExactly("a", "b", "c", "d"));
    }

    @Test
    void aCollectionRenamedToAFreeNameIsWhatTheNextStartReads() throws IOException {
        withServer(views -> {
            views.getCollection("items.rebuild-2").insertOne(new Document("_id", "x"));
            views.getCollection("items.rebuild-2").renameCollection(new MongoNamespace("collaborative", "items"));
        });

        withServer(views -> {
            assertThat(ids(views, "items")).containsExactly("x");
            assertThat(views.listCollectionNames().into(new ArrayList<>())).doesNotContain("items.rebuild-2");
        });
    }

    private void withServer(Consumer<MongoDatabase> work) throws IOException {
        EmbeddedSettings settings = new EmbeddedSettings(data, 0, "collaborative", "u", "p", 0, 0, port, true);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(settings);
                MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            work.accept(client.getDatabase("collaborative"));
        }
    }

    private static List<String> ids(MongoDatabase views, String collection) {
        return views.getCollection(collection)
                .find()
                .sort(new Document("_id", 1))
                .map(document -> document.getString("_id"))
                .into(new ArrayList<>());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
