package dev.agentos.commands.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** GNU tar's verbose listing line ("drwxr-xr-x agentos/agentos 0 2024-01-01 00:00 dir/"), with its growing column. */
final class TarListing {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private int ugsWidth = 19;

    String line(TarArchiveEntry e) {
        String user = e.getUserName() == null || e.getUserName().isEmpty() ? Long.toString(e.getLongUserId()) : e.getUserName();
        String group = e.getGroupName() == null || e.getGroupName().isEmpty() ? Long.toString(e.getLongGroupId()) : e.getGroupName();
        String size = Long.toString(e.isSymbolicLink() || e.isLink() || e.isDirectory() ? 0 : e.getSize());
        int pad = user.length() + 1 + group.length() + 1 + size.length();
        if (pad > ugsWidth) ugsWidth = pad;
        StringBuilder sb = new StringBuilder();
        sb.append(modes(e)).append(' ').append(user).append('/').append(group).append(' ');
        sb.append(" ".repeat(ugsWidth - pad)).append(size).append(' ');
        sb.append(TIME.format(Instant.ofEpochMilli(e.getModTime().getTime()))).append(' ').append(e.getName());
        if (e.isSymbolicLink()) sb.append(" -> ").append(e.getLinkName());
        else if (e.isLink()) sb.append(" link to ").append(e.getLinkName());
        return sb.append('\n').toString();
    }

    static String modes(TarArchiveEntry e) {
        char type = e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : e.isLink() ? 'h' : e.isCharacterDevice() ? 'c'
                : e.isBlockDevice() ? 'b' : e.isFIFO() ? 'p' : '-';
        return type + permissions(e.getMode());
    }

    static String permissions(int m) {
        char[] c = "rwxrwxrwx".toCharArray();
        for (int i = 0; i < 9; i++) if ((m & (1 << (8 - i))) == 0) c[i] = '-';
        if ((m & 04000) != 0) c[2] = c[2] == 'x' ? 's' : 'S';
        if ((m & 02000) != 0) c[5] = c[5] == 'x' ? 's' : 'S';
        if ((m & 01000) != 0) c[8] = c[8] == 'x' ? 't' : 'T';
        return new String(c);
    }
}
