package io.sofastack.qa.conversation;

/**
 * A question read in its conversation.
 *
 * @param question the question as asked
 * @param query what retrieval is given: the question itself, or, for a follow-up, the question with
 *        what it follows
 * @param follows the earlier question it follows, or {@code null} when it stands alone
 */
public record FollowUp(String question, String query, String follows) {

    /** A question that follows nothing. */
    public static FollowUp alone(String question) {
        return new FollowUp(question, question, null);
    }

    public boolean isFollowUp() {
        return follows != null;
    }
}
