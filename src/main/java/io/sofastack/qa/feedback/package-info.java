/**
 * The maintainers' side of the bot: a record of every answer given, the askers' 👍/👎 on it, and the
 * report of what the bot could not answer (abstentions, unsure answers, 👎), clustered by topic.
 */
@ApplicationModule(allowedDependencies = {"answer", "retrieval"})
package io.sofastack.qa.feedback;

import org.springframework.modulith.ApplicationModule;
