package org.collaborative.app.support;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;

/** A view's documents in a stable order, and a content hash that equal content always gives. */
public final class ViewContent {

    private ViewContent() {}

    /**
     * The view's documents, without their optimistic-locking {@code version}: that counts saves, and how many saves
     * made a document depends on how its events were batched (one poll at a time, or a rebuild's larger reads), not on
     * what it holds.
     */
    public static List<Document> documents(MongoDatabase database, String collection) {
        List<Document> documents = database.getCollection(collection)
                .find()
                .sort(new Document("_id", 1))
                .into(new ArrayList<>());
        documents.forEach(document -> document.remove("version"));
        return documents;
    }

    /**
     * Where two readings of a view differ, one line per document (by {@code _id}) with each reading's canonical JSON:
     * empty when they hold the same content. For an assertion that says what differs, not only that the hashes do.
     */
    public static List<String> differences(List<Document> expected, List<Document> actual) {
        Map<Object, String> was = new LinkedHashMap<>();
        expected.forEach(document -> was.put(document.get("_id"), canonical(document)));
        Map<Object, String> is = new LinkedHashMap<>();
        actual.forEach(document -> is.put(document.get("_id"), canonical(document)));
        List<String> differences = new ArrayList<>();
        was.forEach((id, text) -> {
            if (!text.equals(is.get(id))) {
                differences.add(id + ":\n  expected " + text + "\n  actual   " + is.get(id));
            }
        });
        is.keySet().stream()
                .filter(id -> !was.containsKey(id))
                .forEach(id -> differences.add(id + ":\n  expected nothing\n  actual   " + is.get(id)));
        return differences;
    }

    public static String hash(List<Document> documents) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Document document : documents) {
                sha256.update(canonical(document).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document's JSON with every object's keys sorted, so equal content gives equal text. */
    private static String canonical(Object value) {
        if (value instanceof Document document) {
            return document.keySet().stream()
                    .sorted()
                    .map(key -> key + ":" + canonical(document.get(key)))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ViewContent::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }
}
