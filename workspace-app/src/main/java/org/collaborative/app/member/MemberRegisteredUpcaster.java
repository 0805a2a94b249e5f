package org.collaborative.app.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.collaborative.events.member.MemberRegistered;
import org.springframework.stereotype.Component;

/**
 * {@link MemberRegistered} revision 1 carried no personal data (it was kept only in the {@code account} table);
 * revision 2 adds {@code personalData}, sealed. A revision 1 event reads as revision 2 with {@code personalData}
 * null. Axon registers every upcaster bean with the event store.
 */
@Component
class MemberRegisteredUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MemberRegistered.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MemberRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return REVISION_1.equals(event.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("personalData");
            return payload;
        });
    }
}
