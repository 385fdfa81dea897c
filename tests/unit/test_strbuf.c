/* strbuf_append: appends, formats, and cuts at the end of the buffer
 * without overflowing. */
#include <string.h>

#include "strbuf.h"
#include "testlib.h"

int main(void)
{
    char buf[16] = "";
    strbuf_append(buf, sizeof buf, "%d min", 12);
    strbuf_append(buf, sizeof buf, ", %s", "Billing");
    CHECK_STR(buf, "12 min, Billing");
    strbuf_append(buf, sizeof buf, " and more");
    CHECK_STR(buf, "12 min, Billing");        /* full: nothing more fits */
    char small[8] = "abc";
    strbuf_append(small, sizeof small, "%s", "defghijk");
    CHECK_STR(small, "abcdefg");              /* cut, still terminated */
    CHECK_INT(strlen(small), 7);
    char guard[12];
    memset(guard, 'x', sizeof guard);
    guard[4] = '\0';
    strbuf_append(guard, 5, "%s", "zz");      /* already full at size 5 */
    CHECK_INT(guard[5], 'x');
    return testlib_finish();
}
