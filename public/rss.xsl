<?xml version="1.0" encoding="UTF-8"?>
<!--
  Turns a feed of this site opened in a browser into a readable Chinese page, without
  JavaScript. Feed readers ignore it. Dates are printed from pubDate as the feeds write it
  (src/lib/dates.ts toRfc822: "Fri, 07 Apr 2023 09:30:00 +0800", Beijing time).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="months" select="'JanFebMarAprMayJunJulAugSepOctNovDec'"/>

  <!-- "Fri, 07 Apr 2023 09:30:00 +0800" as "2023-04-07 09:30". -->
  <xsl:template name="date">
    <xsl:param name="rfc822"/>
    <xsl:variable name="month" select="string-length(substring-before($months, substring($rfc822, 9, 3))) div 3 + 1"/>
    <xsl:value-of select="concat(substring($rfc822, 13, 4), '-', format-number($month, '00'), '-', substring($rfc822, 6, 2), ' ', substring($rfc822, 18, 5))"/>
  </xsl:template>

  <xsl:template match="/rss/channel">
    <html lang="zh-CN">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="title"/>（RSS 订阅源）</title>
        <style>
          body { margin: 0; font-family: 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', system-ui, sans-serif; line-height: 1.75; color: #1f2328; background: #fff; overflow-wrap: anywhere; }
          .wrap { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
          a { color: #0b4f9c; text-underline-offset: 0.2em; }
          .notice { background: #f3f6fa; border-top: 4px solid #b3261e; padding: 1rem 0; }
          .notice p { margin: 0.25rem 0; }
          .notice code { display: block; margin-top: 0.25rem; padding: 0.25rem 0.5rem; background: #fff; border: 1px solid #d9dee5; font-size: 0.875rem; word-break: break-all; }
          h1 { font-size: 1.5rem; line-height: 1.4; margin: 1.5rem 0 0.25rem; }
          .description, .meta { color: #555; }
          .meta { font-size: 0.875rem; }
          ol { list-style: none; margin: 1rem 0 2rem; padding: 0; }
          li { padding: 1rem 0; border-bottom: 1px solid #d9dee5; }
          h2 { font-size: 1.125rem; line-height: 1.5; margin: 0 0 0.25rem; }
          li p { margin: 0.25rem 0; }
          img { display: block; max-width: 100%; height: auto; margin: 0.5rem 0; }
          .category + .category::before { content: '·'; margin: 0 0.4em; }
        </style>
      </head>
      <body>
        <div class="notice">
          <div class="wrap">
            <p><strong>这是一个 RSS 订阅源。</strong>把下面的地址复制到 RSS 阅读器中，即可收到本栏目的新闻更新。</p>
            <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code>
          </div>
        </div>
        <main class="wrap">
          <h1><xsl:value-of select="title"/></h1>
          <p class="description"><xsl:value-of select="description"/></p>
          <p><a href="{link}">打开网页版</a></p>
          <xsl:choose>
            <xsl:when test="item">
              <ol>
                <xsl:apply-templates select="item"/>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p>暂无新闻。</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <p class="meta">
        <time>
          <xsl:call-template name="date">
            <xsl:with-param name="rfc822" select="pubDate"/>
          </xsl:call-template>
        </time>
        <xsl:if test="dc:creator">　来源：<xsl:value-of select="dc:creator"/></xsl:if>
      </p>
      <xsl:if test="enclosure[starts-with(@type, 'image/')]">
        <img src="{enclosure/@url}" alt="" loading="lazy"/>
      </xsl:if>
      <xsl:if test="description">
        <p><xsl:value-of select="description"/></p>
      </xsl:if>
      <p class="meta">
        <xsl:for-each select="category">
          <span class="category"><xsl:value-of select="."/></span>
        </xsl:for-each>
      </p>
    </li>
  </xsl:template>
</xsl:stylesheet>
