package org.gridcare.standards;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Turns a standard's Markdown body into HTML that is safe to show: commonmark escapes any raw HTML in the source
 * and drops unsafe link targets ({@code javascript:} and friends), and the OWASP sanitizer then keeps only
 * formatting, headings, lists, tables, code and plain links — no script, no event handler, no style, no frame.
 */
@Component
class MarkdownRendering {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a").allowUrlProtocols("https", "http", "mailto").allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowElements("pre", "code", "hr", "br", "thead", "tbody", "tr", "th", "td")
                    .toFactory());

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .escapeHtml(true).sanitizeUrls(true).build();

    String toSafeHtml(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return POLICY.sanitize(html);
    }
}
