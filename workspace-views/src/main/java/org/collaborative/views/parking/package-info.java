/**
 * What the projections set aside (ADR 27, projections side): {@link ParkedRecord}, a record of the events topic that one
 * view could not read or apply, or that waits behind such a record of the same key; and {@link ParkedRetry}, an
 * administrator's request to re-apply one parked sequence, which the projections instance that owns its partition
 * carries out.
 */
package org.collaborative.views.parking;
