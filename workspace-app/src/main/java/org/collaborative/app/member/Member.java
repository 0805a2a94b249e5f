package org.collaborative.app.member;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.collaborative.app.DomainRules;
import org.collaborative.events.member.MemberRegistered;

/** A person's place in the workspace: their organisation and role. Their name and email live outside the events. */
@Aggregate
public class Member {

    @AggregateIdentifier
    private String memberId;

    protected Member() {}

    @CommandHandler
    public Member(RegisterMember command) {
        DomainRules.require("organisation", command.organisationId());
        DomainRules.require("role", command.role());
        apply(new MemberRegistered(command.memberId(), command.organisationId(), command.role(), command.at()));
    }

    @EventSourcingHandler
    void on(MemberRegistered event) {
        memberId = event.memberId();
    }
}
