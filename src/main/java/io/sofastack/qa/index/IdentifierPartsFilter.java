package io.sofastack.qa.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Emits the parts of a Latin identifier ({@code default.grouplist}, {@code store_mode},
 * {@code handleAppendEntriesRequest}) after the identifier itself, at the same position. Numbers and
 * versions ({@code 1.4.0}) are left whole: their parts would match any other number.
 */
final class IdentifierPartsFilter extends TokenFilter {

    private static final String ALPHANUM = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.ALPHANUM];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<String> pendingParts = new ArrayDeque<>();
    private State identifierState;

    IdentifierPartsFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pendingParts.isEmpty()) {
            restoreState(identifierState);
            term.setEmpty().append(pendingParts.poll());
            positionIncrement.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (ALPHANUM.equals(type.type()) && term.length() > 3) {
            splitInto(term.toString(), pendingParts);
            if (!pendingParts.isEmpty()) {
                identifierState = captureState();
            }
        }
        return true;
    }

    /** Splits at '.', '_', '-' and lower-to-upper case changes; adds nothing when there is one part. */
    static void splitInto(String token, Deque<String> parts) {
        StringBuilder part = new StringBuilder();
        int count = 0;
        Deque<String> found = new ArrayDeque<>();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean separator = c == '.' || c == '_' || c == '-';
            boolean caseChange = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(token.charAt(i - 1));
            if ((separator || caseChange) && !part.isEmpty()) {
                found.add(part.toString());
                part.setLength(0);
                count++;
            }
            if (!separator) {
                part.append(c);
            }
        }
        if (!part.isEmpty()) {
            found.add(part.toString());
            count++;
        }
        if (count > 1) {
            found.stream().filter(p -> p.length() > 1).forEach(parts::add);
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingParts.clear();
        identifierState = null;
    }
}
