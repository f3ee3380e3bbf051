from pkg import upload
