package io.sofastack.qa.ingest;

/**
 * Canonical URLs of the site's pages: Hugo serves {@code content/<lang>/blog/<folder>/index.md} at
 * {@code <base>/blog/<folder>/} (Chinese is the site's default language, so it has no prefix).
 */
public record SiteUrls(String baseUrl, String defaultLanguage) {

    public SiteUrls {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String postUrl(String path) {
        String page = path;
        if (page.startsWith("content/")) {
            page = page.substring("content/".length());
            int slash = page.indexOf('/');
            String language = slash > 0 ? page.substring(0, slash) : "";
            page = slash > 0 ? page.substring(slash + 1) : page;
            if (!language.equals(defaultLanguage)) {
                page = language + "/" + page;
            }
        }
        if (page.endsWith("/index.md") || page.endsWith("/_index.md")) {
            page = page.substring(0, page.lastIndexOf('/'));
        } else if (page.endsWith(".md")) {
            page = page.substring(0, page.length() - ".md".length());
        }
        return baseUrl + "/" + page + "/";
    }

    /** The language of a page under {@code content/<lang>/}; other files are in the site's default language. */
    public static String language(String path, String defaultLanguage) {
        if (path.startsWith("content/")) {
            int slash = path.indexOf('/', "content/".length());
            if (slash > 0) {
                return path.substring("content/".length(), slash);
            }
        }
        return defaultLanguage;
    }

    /** The page whatever its language: {@code content/en/projects/x/index.md} and its zh twin share {@code projects/x/index.md}. */
    public static String pageKey(String path) {
        if (path.startsWith("content/")) {
            int slash = path.indexOf('/', "content/".length());
            if (slash > 0) {
                return path.substring(slash + 1);
            }
        }
        return path;
    }
}
