package io.sofastack.qa.channel.http;

/**
 * The body of {@code POST /api/ask}. Checked by {@link AskController} against configurable limits,
 * so that each violation gets its own clear problem detail.
 *
 * @param question the question, in any language
 * @param topK how many sources to return; optional
 */
record AskRequest(String question, Integer topK) {
}
