/**
 * The knowledge as tools for coding agents: an MCP server (Streamable HTTP, {@code /mcp}) with
 * {@code search_sofastack_knowledge} and {@code ask_sofastack}, off unless {@code qa.mcp.enabled},
 * behind a bearer token.
 */
@ApplicationModule(allowedDependencies = {"answer", "retrieval", "ingest", "feedback"})
package io.sofastack.qa.mcp;

import org.springframework.modulith.ApplicationModule;
