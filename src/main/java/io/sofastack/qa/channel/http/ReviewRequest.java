package io.sofastack.qa.channel.http;

/**
 * A reviewer's version of a community answer: what to serve instead of what the chat said. Either
 * may be left out when accepting, to keep it as it is.
 */
record ReviewRequest(String question, String answer) {
}
