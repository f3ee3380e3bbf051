from pkg import media
