/** The views of practices and their adoption ledger (ADR 18): {@link PracticeView} and {@link AdoptionView}. */
package org.collaborative.views.practice;
