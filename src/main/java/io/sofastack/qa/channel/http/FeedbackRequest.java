package io.sofastack.qa.channel.http;

/**
 * The body of {@code POST /api/feedback}.
 *
 * @param answerId the {@code answerId} of an answer from {@code POST /api/ask}
 * @param helpful {@code true} for 👍, {@code false} for 👎
 * @param comment optional: what was wrong or missing
 * @param voter optional: who votes, as the client knows them (a session id); stored only as a hash unless
 *        {@code qa.feedback.keep-user-ids=true}; without it, the client's address stands for the voter
 */
record FeedbackRequest(String answerId, Boolean helpful, String comment, String voter) {
}
