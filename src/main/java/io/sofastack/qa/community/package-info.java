/**
 * Answers learnt from the group: a maintainer's reply in a chat thread where the bot could not answer
 * (it abstained, was unsure, or got a 👎) becomes a candidate; a reviewer accepts, edits or declines it;
 * an accepted one is knowledge of kind {@code community}, indexed at once and cited with the thread's
 * link and date, until it is withdrawn. Nothing unreviewed is ever served.
 */
@ApplicationModule(allowedDependencies = {"ingest", "index", "feedback"})
package io.sofastack.qa.community;

import org.springframework.modulith.ApplicationModule;
