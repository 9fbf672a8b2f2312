package io.sofastack.qa.channel;

/** A webhook of a chat platform whose secret is not configured: answered 404. */
public class ChannelNotConfiguredException extends RuntimeException {

    public ChannelNotConfiguredException(String platform, String property) {
        super(platform + " is not configured on this bot (set " + property + " to switch it on)", null, false, false);
    }
}
