package org.collaborative.app.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.collaborative.app.infrastructure.eventstore.EventJson;
import org.collaborative.events.member.MemberRegistered;
import org.collaborative.events.member.MemberRole;
import org.junit.jupiter.api.Test;

/** The approved revision 1 JSON of MemberRegistered reads, through the upcaster, as revision 2 without personal data. */
class MemberRegisteredUpcasterTest {

    private static final Path APPROVED = Path.of("../workspace-events/src/test/resources/approved");

    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final ObjectMapper json = EventJson.mapper();

    @Test
    void revisionOneBecomesRevisionTwoWithNoPersonalData() throws Exception {
        byte[] v1 = Files.readAllBytes(APPROVED.resolve(MemberRegistered.class.getName() + ".v1.json"));
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Member",
                "m1",
                0,
                "e1",
                Instant.parse("2026-11-26T09:30:00Z"),
                MemberRegistered.class.getName(),
                "1",
                v1,
                "{}".getBytes());

        List<IntermediateEventRepresentation> upcast = new MemberRegisteredUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .toList();

        assertThat(upcast).hasSize(1);
        IntermediateEventRepresentation event = upcast.get(0);
        assertThat(event.getType()).isEqualTo(MemberRegisteredUpcaster.REVISION_2);
        JsonNode payload = event.getData(JsonNode.class).getData();
        JsonNode expected = json.readTree(v1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).putNull("personalData");
        assertThat(payload).isEqualTo(expected);
        MemberRegistered read = serializer.deserialize(
                new SimpleSerializedObject<>(payload, JsonNode.class, MemberRegisteredUpcaster.REVISION_2));
        assertThat(read)
                .isEqualTo(new MemberRegistered(
                        "5f0c1f7e-0000-4000-8000-000000000001",
                        "E09000012",
                        MemberRole.CHIEF_EXECUTIVE,
                        Instant.parse("2026-11-26T09:30:00.123Z"),
                        null));
    }

    @Test
    void revisionTwoIsLeftAlone() throws Exception {
        byte[] v2 = Files.readAllBytes(APPROVED.resolve(MemberRegistered.class.getName() + ".v2.json"));
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Member",
                "m1",
                0,
                "e1",
                Instant.parse("2026-11-26T09:30:00Z"),
                MemberRegistered.class.getName(),
                "2",
                v2,
                "{}".getBytes());

        IntermediateEventRepresentation event = new MemberRegisteredUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer)))
                .findFirst()
                .orElseThrow();

        assertThat(event.getType()).isEqualTo(MemberRegisteredUpcaster.REVISION_2);
        assertThat(event.getData(JsonNode.class).getData()).isEqualTo(json.readTree(v2));
    }
}
