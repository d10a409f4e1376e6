package org.gridcare.standards;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A standard's body is Markdown shown as HTML: formatting survives, scripts, handlers and unsafe links do not. */
class MarkdownRenderingTests {

    private final MarkdownRendering markdown = new MarkdownRendering();

    @Test
    void headingsListsTablesAndLinksAreRendered() {
        String html = markdown.toSafeHtml("""
                # 投诉处理规范

                ## 一、时限

                1. **24 小时内** 联系客户
                2. 4 个工作日内答复

                | 业务 | 时限 |
                |---|---|
                | 投诉 | 4 WD |

                见 [95598](https://www.95598.cn)。
                """);
        assertThat(html).contains("<h1>投诉处理规范</h1>", "<h2>", "<ol>", "<strong>24 小时内</strong>", "<table>",
                "<td>投诉</td>", "href=\"https://www.95598.cn\"");
    }

    @Test
    void scriptsEventHandlersAndJavascriptLinksAreStripped() {
        String html = markdown.toSafeHtml("""
                # 标题 <script>alert('x')</script>

                <img src="x" onerror="alert(1)">

                <div onclick="steal()">点击</div>

                [点我](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)

                <a href="javascript:alert(2)" onmouseover="alert(3)">链接</a>

                <iframe src="https://evil.example"></iframe><style>body{display:none}</style>
                """);
        assertThat(html).doesNotContain("<script", "<img", "<iframe", "<style", "<div onclick")
                .doesNotContainPattern("<[^>]*\\son\\w+\\s*=")
                .doesNotContainPattern("href=\"\\s*(javascript|data):");
        // the raw HTML is shown as text, not executed
        assertThat(html).contains("&lt;script&gt;");
    }
}
