package io.sofastack.qa.channel.http;

/**
 * The body of {@code POST /api/ask}. Checked by {@link AskController} against configurable limits,
 * so that each violation gets its own clear problem detail.
 *
 * @param question the question, in any language
 * @param topK how many sources to return; optional
 * @param conversationId optional: questions sent with the same id are one conversation, and each is
 *        read together with the one before it (a follow-up such as "and with five nodes?")
 */
record AskRequest(String question, Integer topK, String conversationId) {
}
