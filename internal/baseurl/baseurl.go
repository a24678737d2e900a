// Package baseurl checks the address at which the edition is published:
// the base_url of site.yaml or the -base-url flag of cmd/build. Every
// citation, feed, sitemap and meta tag is built on it, so it must be an
// absolute http(s) URL, and a placeholder host must not reach readers.
package baseurl

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Parse checks that s is an absolute http or https URL with a host and
// no query or fragment, and returns it with exactly one trailing slash,
// so that a page path can be appended to it.
func Parse(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", errors.New("the base URL is empty")
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("base URL %q: %w", s, err)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("base URL %q is not an absolute http:// or https:// URL", s)
	case u.Host == "" || u.Hostname() == "":
		return "", fmt.Errorf("base URL %q has no host", s)
	case u.User != nil:
		return "", fmt.Errorf("base URL %q carries a user name", s)
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return "", fmt.Errorf("base URL %q has a query or fragment; it must be the site's folder", s)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	u.Path = strings.TrimRight(u.Path, "/") + "/"
	u.RawPath = ""
	return u.String(), nil
}

// placeholders are hosts reserved for examples and documentation
// (RFC 2606, RFC 6761) or that name the builder's own machine.
var placeholders = []string{"example.org", "example.com", "example.net", "example.edu", "localhost"}

// placeholderTLDs are top-level domains that never resolve on the
// public Internet (RFC 2606, RFC 6761, RFC 6762).
var placeholderTLDs = []string{"example", "invalid", "test", "localhost", "local"}

// Placeholder reports whether the host of the absolute URL s is a
// placeholder that readers cannot reach: a reserved example domain or a
// subdomain of one, a test or local top-level domain, or a loopback,
// private or unspecified IP address. It returns the host it judged.
func Placeholder(s string) (host string, ok bool) {
	u, err := url.Parse(s)
	if err != nil {
		return "", false
	}
	host = strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if ip := net.ParseIP(host); ip != nil {
		return host, ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast()
	}
	for _, p := range placeholders {
		if host == p || strings.HasSuffix(host, "."+p) {
			return host, true
		}
	}
	tld := host[strings.LastIndex(host, ".")+1:]
	for _, p := range placeholderTLDs {
		if tld == p {
			return host, true
		}
	}
	return host, false
}
