/**
 * The published language of Collaborative: every event the workspace records, as plain JDK records.
 *
 * <p>An event's package, class name and JSON shape are on the wire ({@code collaborative.events}) and in the event
 * store. Never rename or move one, or change a field, without a new {@code @Revision} and an upcaster. Events carry
 * ids, never personal data (names, emails): people are referenced by member id.
 */
package org.collaborative.events;
