/**
 * The read-model contract of Collaborative: every MongoDB document the projections write and the workspace reads,
 * declared once, as records (package by feature, each with its collection name), plus {@code search.SearchText}, the
 * one analyser that makes the search terms stored in {@code search-index} and analyses the workspace's queries.
 *
 * <p>A field's name is its name in MongoDB. Change a view's shape deliberately: its approved document
 * ({@code src/test/resources/approved}) changes with it, and documents already stored keep the old shape until the view
 * is rebuilt (docs/operations.md). Views hold ids, never personal data.
 */
package org.collaborative.views;
