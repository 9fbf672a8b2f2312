package io.sofastack.qa.community;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The accepted answers as one Markdown post in the weekly Q&amp;A format (a numbered {@code 提问} header,
 * the question quoted, the answer after {@code A：}), so that they can go back into the site, where
 * the archive's own reader reads them as threads.
 */
final class CommunityExport {

    /** A line the weekly reader would take for a heading or a quoted question if it were left as it is. */
    private static final Pattern MARKUP_START = Pattern.compile("^(\\s*)([#>])");

    private CommunityExport() {
    }

    static String markdown(List<CommunityAnswer> accepted, LocalDate today) {
        StringBuilder post = new StringBuilder()
                .append("---\n")
                .append("title: \"社区问答：群里维护者的解答\"\n")
                .append("date: ").append(today).append('\n')
                .append("---\n\n")
                .append("以下问答来自 SOFAStack 社区群：机器人没能回答的问题，由维护者在群里解答，并经审核收录。\n\n")
                .append("### 社区问答\n");
        int number = 0;
        for (CommunityAnswer answer : accepted) {
            number++;
            post.append("\n**").append(number).append("、@社区用户 提问：**\n\n");
            for (String line : answer.question().strip().split("\n")) {
                post.append("> ").append(line.strip()).append('\n');
            }
            post.append('\n');
            String[] lines = answer.answer().strip().split("\n", -1);
            post.append("A：").append(lines[0].strip()).append('\n');
            boolean inFence = lines[0].strip().startsWith("```");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (line.strip().startsWith("```")) {
                    inFence = !inFence;
                    post.append(line).append('\n');
                } else {
                    post.append(inFence ? line : MARKUP_START.matcher(line).replaceFirst("$1\\\\$2")).append('\n');
                }
            }
            LocalDate answered = answer.answeredAt().atZone(ZoneOffset.UTC).toLocalDate();
            post.append('\n').append(answer.link().isBlank() ? "（" + answered + "，" + platform(answer) + "）"
                    : "（" + answered + "，[" + platform(answer) + "讨论](" + answer.link() + ")）").append('\n');
        }
        return post.toString();
    }

    private static String platform(CommunityAnswer answer) {
        return switch (answer.platform()) {
            case "slack" -> "Slack ";
            case "dingtalk" -> "钉钉群";
            default -> answer.platform();
        };
    }
}
