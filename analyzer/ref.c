/*
 * ref.c -- reference targets in the two Juriconnect forms found in BWB:
 *   jci1.3:c:BWBR0018472&hoofdstuk=1&paragraaf=2&artikel=8&lid=1&z=..&g=..
 *   1.0:v:BWBR0015703&artikel=40            (2012 dump)
 * Only the regulation, article and lid are kept; container keys and the
 * z/g dates are not needed to find a provision.
 */
#include "bg.h"

#include <string.h>

bool bg_is_bwb_id(const char *s)
{
	if (strncmp(s, "BWBR", 4) && strncmp(s, "BWBV", 4) && strncmp(s, "BWBW", 4))
		return false;
	for (int i = 4; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[11] == '\0' || s[11] == '&' || s[11] == '/' || s[11] == '_' ||
	       s[11] == '.' || s[11] == '#';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Copies one value (it ends at '&'; "&amp;" was already decoded by
 * libxml2) and undoes the URL encoding Juriconnect targets use for the
 * printed number: "4%3A2" -> "4:2", "D_2" and "D+2" -> "D 2", so that the
 * target compares equal to the article's kop/nr.
 */
static void copy_value(const char *v, char *out, size_t cap)
{
	size_t n = 0;

	for (; *v && *v != '&' && n + 1 < cap; v++) {
		if (*v == '%' && hexval(v[1]) >= 0 && hexval(v[2]) >= 0) {
			char c = (char)(hexval(v[1]) * 16 + hexval(v[2]));
			out[n++] = c == '_' || c == '+' ? ' ' : c;
			v += 2;
		} else {
			out[n++] = *v == '_' || *v == '+' ? ' ' : *v;
		}
	}
	out[n] = '\0';
}

bool bg_ref_parse_target(const char *doc, char *bwb_id, char *artikel,
			 char *lid, size_t cap)
{
	const char *p, *id = NULL;

	bwb_id[0] = artikel[0] = lid[0] = '\0';
	if (!doc || cap < 12)
		return false;
	/* the regulation id follows the last ':' of the scheme prefix */
	for (p = doc; *p && *p != '&'; p++)
		if (*p == ':')
			id = p + 1;
	if (!id)
		id = doc;
	if (bg_is_bwb_id(id)) {
		memcpy(bwb_id, id, 11);
		bwb_id[11] = '\0';
	}
	for (p = strchr(doc, '&'); p; p = strchr(p + 1, '&')) {
		if (!strncmp(p + 1, "artikel=", 8))
			copy_value(p + 9, artikel, cap);
		else if (!strncmp(p + 1, "lid=", 4))
			copy_value(p + 5, lid, cap);
	}
	return bwb_id[0] != '\0';
}
