/** The surfaces: the HTTP ask API and web page, the DingTalk robot, the Slack app. */
@ApplicationModule(allowedDependencies = {"answer", "index", "retrieval", "conversation", "feedback", "community"})
package io.sofastack.qa.channel;

import org.springframework.modulith.ApplicationModule;
