/**
 * Conversations: what a question follows (the earlier question in the same thread, or from the same
 * asker in the same chat a moment ago), remembered in the shared database, and the query retrieval
 * sees for a follow-up.
 */
@ApplicationModule(allowedDependencies = {"ingest"})
package io.sofastack.qa.conversation;

import org.springframework.modulith.ApplicationModule;
