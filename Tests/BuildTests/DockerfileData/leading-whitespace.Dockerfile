   FROM busybox
	 RUN   echo   spaced   
  # comment
   CMD ["a"]   
