package io.sofastack.qa.ingest;

import io.sofastack.qa.ingest.QaThread.Turn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the reader Q&amp;A threads out of one weekly post. Files without a Q&amp;A section (docs,
 * articles) give no threads.
 *
 * <p>A post is read line by line. A Q&amp;A zone opens at a thread header (or a heading that names
 * the Q&amp;A) and closes at any other heading or at a bold-only line such as {@code **本周推荐阅读**}.
 * Inside a zone, each header opens a thread; quoted or bold question lines are questions, lines that
 * start with {@code A：} are answers, and other text continues whatever came before it. A thread is
 * kept only when it has both a question and an answer: that drops topic headers that merely group
 * the threads under them.
 */
public final class WeeklyPostParser {

    private static final Pattern BREAK_TAG = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern QA_HEADING = Pattern.compile("(?i).*(问答|Q\\s*&\\s*A|\\bQA\\b|答疑|issue\\s*精选).*");
    private static final Pattern ASKER_ISSUE = Pattern.compile("\\s*#\\d+\\s*$");

    private final SiteUrls siteUrls;
    private final ProductTagger productTagger;

    public WeeklyPostParser(SiteUrls siteUrls, ProductTagger productTagger) {
        this.siteUrls = siteUrls;
        this.productTagger = productTagger;
    }

    /**
     * @param path the file's path relative to the corpus root, with {@code /} separators
     * @param markdown the file's content
     */
    public List<QaThread> parse(String path, String markdown) {
        FrontMatter front = FrontMatter.parse(markdown);
        String body = BREAK_TAG.matcher(front.body()).replaceAll("\n");
        List<Draft> drafts = drafts(body.split("\n", -1));
        String url = front.url() != null ? front.url() : siteUrls.postUrl(path);
        List<QaThread> threads = new ArrayList<>();
        for (Draft draft : drafts) {
            if (draft.isComplete()) {
                int number = threads.size() + 1;
                List<Turn> turns = draft.turns();
                String question = turns.get(0).text();
                threads.add(new QaThread(id(path, number), path, front.title(), front.date(), url,
                        draft.asker, number, question, turns, productTagger.tag(question + "\n" + draft.allText())));
            }
        }
        return threads;
    }

    private static List<Draft> drafts(String[] lines) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        boolean inZone = false;
        boolean inFence = false;
        for (String raw : lines) {
            if (raw.strip().startsWith("```")) {
                inFence = !inFence;
                if (current != null) {
                    current.addText(raw);
                }
                continue;
            }
            if (inFence) {
                if (current != null) {
                    current.addText(raw);
                }
                continue;
            }
            QaLine line = QaLine.classify(raw);
            switch (line.kind()) {
                case HEADING -> {
                    current = null;
                    inZone = QA_HEADING.matcher(line.text()).matches();
                }
                case THREAD_HEADER -> {
                    inZone = true;
                    current = new Draft(ASKER_ISSUE.matcher(line.asker()).replaceAll(""));
                    drafts.add(current);
                }
                case TOPIC_HEADER -> {
                    if (inZone) {
                        current = new Draft("");
                        drafts.add(current);
                    }
                }
                case BOLD_ONLY -> {
                    current = null;
                    inZone = QA_HEADING.matcher(line.text()).matches();
                }
                case BOLD_QUESTION -> {
                    if (current != null) {
                        current.addQuestion(line.text(), false);
                    }
                }
                case QUOTE -> {
                    if (current != null) {
                        current.addQuestion(line.text(), true);
                    }
                }
                case ANSWER -> {
                    if (current != null) {
                        current.addAnswer(line.text());
                    }
                }
                case TEXT -> {
                    if (current != null) {
                        current.addText(raw.strip());
                    }
                }
                case BLANK -> {
                    if (current != null) {
                        current.addBlank();
                    }
                }
            }
        }
        return drafts;
    }

    private static String id(String path, int number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((path + "#" + number).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6) + "-" + number;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** A thread while it is being read: its turns, each a list of Markdown lines. */
    private static final class Draft {
        private final String asker;
        private final List<Part> parts = new ArrayList<>();
        private boolean blankSinceLastLine;

        Draft(String asker) {
            this.asker = asker;
        }

        void addQuestion(String text, boolean quoted) {
            Part last = last();
            if (last != null && last.kind == Turn.Kind.QUESTION && (last.quoted == quoted || !blankSinceLastLine)) {
                last.add(text, blankSinceLastLine);
            } else {
                parts.add(new Part(Turn.Kind.QUESTION, quoted, text));
            }
            blankSinceLastLine = false;
        }

        void addAnswer(String text) {
            parts.add(new Part(Turn.Kind.ANSWER, false, text));
            blankSinceLastLine = false;
        }

        /**
         * Unmarked text continues the part before it, except that text after a quoted question and a
         * blank line is an answer written without its {@code A：}.
         */
        void addText(String text) {
            Part last = last();
            if (last == null) {
                parts.add(new Part(Turn.Kind.QUESTION, false, text));
            } else if (last.kind == Turn.Kind.QUESTION && last.quoted && blankSinceLastLine) {
                parts.add(new Part(Turn.Kind.ANSWER, false, text));
            } else {
                last.add(text, blankSinceLastLine);
            }
            blankSinceLastLine = false;
        }

        void addBlank() {
            blankSinceLastLine = true;
        }

        boolean isComplete() {
            List<Turn> turns = turns();
            return !turns.isEmpty() && turns.get(0).kind() == Turn.Kind.QUESTION
                    && turns.stream().anyMatch(turn -> turn.kind() == Turn.Kind.ANSWER);
        }

        List<Turn> turns() {
            List<Turn> turns = new ArrayList<>();
            for (Part part : parts) {
                String text = part.text();
                if (text.isEmpty()) {
                    continue;
                }
                Turn previous = turns.isEmpty() ? null : turns.get(turns.size() - 1);
                if (previous != null && previous.kind() == part.kind) {
                    turns.set(turns.size() - 1, new Turn(part.kind, previous.text() + "\n\n" + text));
                } else {
                    turns.add(new Turn(part.kind, text));
                }
            }
            return turns;
        }

        String allText() {
            StringBuilder text = new StringBuilder();
            parts.forEach(part -> text.append(part.text()).append('\n'));
            return text.toString();
        }

        private Part last() {
            return parts.isEmpty() ? null : parts.get(parts.size() - 1);
        }
    }

    private static final class Part {
        private final Turn.Kind kind;
        private final boolean quoted;
        private final StringBuilder text = new StringBuilder();

        Part(Turn.Kind kind, boolean quoted, String first) {
            this.kind = kind;
            this.quoted = quoted;
            text.append(first);
        }

        void add(String line, boolean newParagraph) {
            if (!text.isEmpty()) {
                text.append(newParagraph ? "\n\n" : "\n");
            }
            text.append(line);
        }

        String text() {
            return text.toString().strip();
        }
    }
}
